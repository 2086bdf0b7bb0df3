package io.tidings.sms.signatures;

import io.tidings.shared.ConflictException;
import io.tidings.shared.InvalidInputException;
import io.tidings.shared.NotFoundException;
import io.tidings.sms.SenderSignature;
import io.tidings.sms.Signature;
import io.tidings.sms.SignaturesApi;
import org.springframework.stereotype.Service;

import java.util.List;

/** {@link SignaturesApi}: the signature rule is {@link SenderSignature}'s; this adds the review. */
@Service
class SignatureReview implements SignaturesApi {

    static final int MAX_REASON = 200;

    private final SignatureStore store;

    SignatureReview(SignatureStore store) {
        this.store = store;
    }

    @Override
    public List<Signature> signatures() {
        return store.all();
    }

    @Override
    public Signature signature(long id) {
        return store.byId(id).orElseThrow(() -> new NotFoundException("There is no signature " + id + "."));
    }

    @Override
    public Signature apply(String signature, String appliedBy) {
        String value = valid(signature).value();
        return store.apply(value, who(appliedBy)).orElseThrow(() -> new ConflictException(
                "signature 【" + value + "】 is already " + store.byValue(value).map(s -> s.state().key()).orElse("applied for")));
    }

    @Override
    public Signature approve(long id, String reviewer) {
        return store.approve(id, who(reviewer)).orElseThrow(() -> notInState(id, "pending"));
    }

    @Override
    public Signature reject(long id, String reviewer, String reason) {
        if (reason == null || reason.isBlank() || reason.strip().length() > MAX_REASON) {
            throw new InvalidInputException("reason", "A rejection needs a reason of 1 to " + MAX_REASON
                    + " characters; the applicant sees it.");
        }
        return store.reject(id, who(reviewer), reason.strip()).orElseThrow(() -> notInState(id, "pending or approved"));
    }

    @Override
    public SenderSignature requireApproved(String signature) {
        SenderSignature s = valid(signature);
        Signature stored = store.byValue(s.value()).orElseThrow(() -> notApproved(s, "never applied for"));
        return switch (stored.state()) {
            case APPROVED -> s;
            case PENDING -> throw notApproved(s, "pending");
            case REJECTED -> throw notApproved(s, "rejected: " + stored.rejectionReason());
        };
    }

    private static InvalidInputException notApproved(SenderSignature s, String why) {
        return new InvalidInputException("signature", "signature " + s.bracketed() + " is not approved (" + why + ")");
    }

    private static SenderSignature valid(String signature) {
        String problem = SenderSignature.problemWith(signature);
        if (problem != null) {
            throw new InvalidInputException("signature", problem);
        }
        return SenderSignature.parse(signature);
    }

    private RuntimeException notInState(long id, String expected) {
        Signature s = signature(id);
        return new ConflictException("signature " + s.bracketed() + " is " + s.state().key() + ", not " + expected);
    }

    private static String who(String name) {
        return name == null || name.isBlank() ? "unknown" : name;
    }
}
