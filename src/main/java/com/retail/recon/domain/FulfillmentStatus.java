package com.retail.recon.domain;

public enum FulfillmentStatus { PENDING, PROCESSING, SHIPPED, DELIVERED, CANCELLED }
