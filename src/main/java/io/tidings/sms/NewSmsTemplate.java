package io.tidings.sms;

import io.tidings.dispatch.Traffic;

/** What a template is created from; it starts pending review. */
public record NewSmsTemplate(String name, String body, Traffic traffic, TemplateContext context) {
}
