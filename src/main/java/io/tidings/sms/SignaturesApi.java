package io.tidings.sms;

import java.util.List;

/**
 * Sender signatures (seed 001): applied for, reviewed by an admin, and only then usable. The send
 * path calls {@link #requireApproved} and puts {@link SenderSignature#bracketed()} at the start of the text.
 *
 * <p>Errors: {@link io.tidings.shared.InvalidInputException} for a rule broken,
 * {@link io.tidings.shared.NotFoundException} for an unknown id, {@link io.tidings.shared.ConflictException}
 * for a review that does not fit the current state.
 */
public interface SignaturesApi {

    /** Newest application first. */
    List<Signature> signatures();

    Signature signature(long id);

    /**
     * Applies for a signature; it starts {@link ReviewState#PENDING}. Accepts it with or without
     * 【】. A rejected signature may be applied for again; a pending or approved one is a conflict.
     */
    Signature apply(String signature, String appliedBy);

    /** Pending to approved. */
    Signature approve(long id, String reviewer);

    /** Pending or approved to rejected; the reason (1 to 200 characters) is shown to the applicant. */
    Signature reject(long id, String reviewer, String reason);

    /**
     * The signature, if it may be sent; otherwise an InvalidInputException such as
     * "signature 【X】 is not approved (rejected: reason)".
     */
    SenderSignature requireApproved(String signature);
}
