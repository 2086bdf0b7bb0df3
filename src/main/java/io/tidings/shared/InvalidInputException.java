package io.tidings.shared;

/** Input that is well-formed but breaks a rule (HTTP 422); names the field and the reason. */
public class InvalidInputException extends RuntimeException {
    private final String field;

    public InvalidInputException(String field, String reason) {
        super(reason);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
