package io.tandem.auth.control;

/**
 * A token that must not be accepted. Checked on purpose: an EJB passes checked exceptions to its caller
 * unwrapped and without rolling anything back.
 */
public class InvalidTokenException extends Exception {

    public InvalidTokenException(String reason) {
        super(reason, null, false, false);
    }
}
