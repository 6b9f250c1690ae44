package io.sessionledger.query.lists;

/**
 * PostgreSQL rejects a string parameter holding NUL with an error (a 500 for the client), and no stored value
 * can hold one: a query given such a value can answer "nothing" without asking the database.
 */
final class Storable {

    private Storable() {
    }

    static boolean all(String... values) {
        for (String value : values) {
            if (value != null && value.indexOf('\0') >= 0) {
                return false;
            }
        }
        return true;
    }
}
