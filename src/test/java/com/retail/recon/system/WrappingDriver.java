package com.retail.recon.system;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * A JDBC driver in front of another, as p6spy and other tracing drivers are: {@code jdbc:wrapped:postgresql:...}
 * connects with {@code jdbc:postgresql:...}. Its URLs do not say which database is behind them.
 */
public final class WrappingDriver implements Driver {

    private static final String PREFIX = "jdbc:wrapped:";

    static {
        try {
            DriverManager.registerDriver(new WrappingDriver());
        } catch (SQLException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        return acceptsURL(url) ? DriverManager.getConnection("jdbc:" + url.substring(PREFIX.length()), info) : null;
    }

    @Override
    public boolean acceptsURL(String url) {
        return url != null && url.startsWith(PREFIX);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
        return new DriverPropertyInfo[0];
    }

    @Override
    public int getMajorVersion() {
        return 1;
    }

    @Override
    public int getMinorVersion() {
        return 0;
    }

    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    @Override
    public Logger getParentLogger() {
        return Logger.getGlobal();
    }
}
