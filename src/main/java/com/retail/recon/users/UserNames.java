package com.retail.recon.users;

/**
 * What a user name may be: 1 to 64 characters, no control characters (a name is printed to terminals and
 * logs), no colon (HTTP Basic splits name and password at the first one), no spaces at either end. Anything
 * else is allowed, so the desk must show every name as text, never as markup.
 */
public final class UserNames {

    public static final int MAX_LENGTH = 64;

    private UserNames() {
    }

    /** Null when the name is acceptable, else why not. */
    public static String problem(String name) {
        if (name == null || name.isEmpty()) {
            return "a user name cannot be empty";
        }
        if (name.length() > MAX_LENGTH) {
            return "a user name can be at most " + MAX_LENGTH + " characters";
        }
        if (!name.equals(name.strip())) {
            return "a user name cannot start or end with a space";
        }
        if (name.indexOf(':') >= 0) {
            return "a user name cannot hold ':' (HTTP Basic separates name and password with it)";
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                    || c == '\u2028' || c == '\u2029') {
                return "a user name cannot hold control or invisible format characters";
            }
        }
        return null;
    }
}
