package com.retail.recon.domain;

/** Refund to the card or gift card used, or credit to the customer's account. */
public enum RefundMethod { ORIGINAL_PAYMENT, ACCOUNT_CREDIT }
