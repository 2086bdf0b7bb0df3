package io.tidings.shared;

/** The request clashes with what is stored, such as a duplicate email (HTTP 409). */
public class ConflictException extends RuntimeException {
    public ConflictException(String message) {
        super(message);
    }
}
