package com.retail.recon.domain;

public enum PaymentMethod { CARD, GIFT_CARD, PROMO_CREDIT }
