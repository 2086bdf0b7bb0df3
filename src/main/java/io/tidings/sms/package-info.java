/**
 * SMS: exact segment counting and billing length (GSM 03.38, UCS-2, the cn profile), sender signatures.
 */
@org.springframework.modulith.ApplicationModule(displayName = "SMS")
package io.tidings.sms;
