package com.retail.recon.domain;

public enum Channel { WEBSITE, MOBILE_APP, CUSTOMER_SERVICE }
