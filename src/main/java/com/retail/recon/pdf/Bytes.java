package com.retail.recon.pdf;

import java.io.OutputStream;
import java.util.Arrays;

/** A growing byte array to write into: a {@link java.io.ByteArrayOutputStream} without the locking. */
class Bytes extends OutputStream {

    private byte[] bytes;
    private int size;

    Bytes(int capacity) {
        bytes = new byte[capacity];
    }

    /** The bytes written so far (a view: valid until the next write). */
    final byte[] array() {
        return bytes;
    }

    final int size() {
        return size;
    }

    final byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    @Override
    public final void write(int b) {
        if (size == bytes.length) {
            bytes = Arrays.copyOf(bytes, bytes.length * 2);
        }
        bytes[size++] = (byte) b;
    }

    @Override
    public final void write(byte[] b, int off, int len) {
        if (size + len > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + len));
        }
        System.arraycopy(b, off, bytes, size, len);
        size += len;
    }

    /** Writes ASCII text. */
    final Bytes ascii(String text) {
        int n = text.length();
        if (size + n > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + n));
        }
        for (int i = 0; i < n; i++) {
            bytes[size++] = (byte) text.charAt(i);
        }
        return this;
    }

    /** Writes a non-negative number in decimal. */
    final Bytes decimal(long value) {
        return ascii(Long.toString(value));
    }
}
