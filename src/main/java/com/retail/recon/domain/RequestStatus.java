package com.retail.recon.domain;

/** The storefront's decision on a cancellation request. */
public enum RequestStatus { REQUESTED, CONFIRMED, REJECTED }
