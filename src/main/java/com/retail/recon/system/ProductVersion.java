package com.retail.recon.system;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The product version, from recon-version.properties (filled in by the Maven build). */
public final class ProductVersion {

    private static final String VERSION = load();

    private ProductVersion() {
    }

    public static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = ProductVersion.class.getResourceAsStream("/recon-version.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "development");
        } catch (IOException e) {
            return "development";
        }
    }
}
