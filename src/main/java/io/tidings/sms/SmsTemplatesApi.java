package io.tidings.sms;

import java.util.List;
import java.util.Map;

/**
 * SMS templates (seed 001): a body with {@code {{variables}}}, a traffic kind and a context level,
 * reviewed before use. A body never contains a signature (【…】); its links must be long links on
 * allowed domains (tracking), which are shortened per recipient when sent.
 *
 * <p>Rendering is plain substitution: each {@code {{name}}} is replaced once by its value, taken
 * literally; nothing in a value is interpreted, so a value of {@code {{coupon}}} or {@code ${7*7}}
 * is sent as those characters. A variable with no value is an error naming it.
 */
public interface SmsTemplatesApi {

    /** Placeholder for a link in a test send. */
    String LINK_PLACEHOLDER = "[link]";
    /** Placeholder for a coupon variable ({@code coupon}, {@code coupon_code}, {@code order.coupon}, …) in a test send. */
    String COUPON_PLACEHOLDER = "[coupon]";

    /** Newest first. */
    List<SmsTemplate> templates();

    SmsTemplate template(long id);

    /** Checks the body (variables well formed and fitting the context, no 【】, allowed long links); starts pending. */
    SmsTemplate create(NewSmsTemplate template, String createdBy);

    SmsTemplate approve(long id, String reviewer);

    /** The reason (1 to 200 characters) is shown to the author. */
    SmsTemplate reject(long id, String reviewer, String reason);

    /** The variables of a body as the editor types it; an InvalidInputException if one is malformed. */
    List<String> variablesOf(String body);

    /** The approved templates whose variables the context offers: the ones a send at this level may choose. */
    List<SmsTemplate> templatesFor(TemplateContext context);

    /** The template if a send at this level may use it; otherwise an InvalidInputException saying why. */
    SmsTemplate requireUsable(long templateId, TemplateContext context);

    /** Renders a stored template in any review state (for previews). */
    RenderedSms render(long templateId, Map<String, String> values);

    /** Renders a body that follows the template rules. */
    RenderedSms render(String body, Map<String, String> values);

    /**
     * A test send's text: coupon variables become {@link #COUPON_PLACEHOLDER} (their values are not
     * needed), every link becomes {@link #LINK_PLACEHOLDER}; marked {@code test}. Seed 001: a test
     * send never carries a live link or coupon.
     */
    RenderedSms renderForTest(long templateId, Map<String, String> values);

    RenderedSms renderForTest(String body, Map<String, String> values);

    /**
     * A real send's text for one recipient: the template must be usable at this context level; after
     * rendering, its links become this recipient's short links (tracking).
     */
    RenderedSms renderForSend(long templateId, TemplateContext context, Map<String, String> values,
                              String sendId, String recipientKey);
}
