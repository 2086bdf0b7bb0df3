package io.tidings.records;

/**
 * A tracked field of a lead changed (stage or salesperson), published inside the updating
 * transaction so the thread's change message commits or rolls back with the change itself.
 *
 * @param field "stage" or "salesperson"; old and new values are null when the field was empty
 */
public record LeadChanged(long leadId, String field, String oldValue, String newValue, String actor) {
}
