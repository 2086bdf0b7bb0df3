/**
 * SMS: exact segment counting and billing length (GSM 03.38, UCS-2, the cn profile), sender signatures, and the
 * providers messages go out through ({@link io.tidings.sms.SmsProvidersApi}, one {@link io.tidings.sms.SmsGateway}
 * per provider, built by a {@link io.tidings.sms.SmsGatewayFactory} per kind; internals in sub-packages).
 */
@org.springframework.modulith.ApplicationModule(displayName = "SMS")
package io.tidings.sms;
