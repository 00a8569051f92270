package com.retail.recon.pdf;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * SHA-256 over a sequence of values, each length-prefixed (so ("ab","c") and ("a","bc") differ): the
 * document's data in, the trailer /ID out. Null and "" differ. One per document.
 */
public final class Fingerprint {

    private final MessageDigest digest;

    public Fingerprint(String kind) {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        add(kind);
    }

    public Fingerprint add(Object value) {
        if (value == null) {
            digest.update((byte) 0);
            return this;
        }
        byte[] bytes = value.toString().getBytes(StandardCharsets.UTF_8);
        int n = bytes.length;
        digest.update((byte) 1);
        digest.update((byte) (n >>> 24));
        digest.update((byte) (n >>> 16));
        digest.update((byte) (n >>> 8));
        digest.update((byte) n);
        digest.update(bytes);
        return this;
    }

    public byte[] hash() {
        return digest.digest();
    }
}
