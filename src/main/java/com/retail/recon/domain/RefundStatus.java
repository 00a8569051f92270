package com.retail.recon.domain;

/** REVERSED: settled, then taken back. */
public enum RefundStatus { PENDING, SETTLED, FAILED, REVERSED }
