package io.tidings.mail;

/** One reason a mail must not go out; rules run in order and the first refusal wins. */
interface RecipientRule {

    /** @return why the mail must not be sent (a sentence for the dispatch log), or null to let it pass */
    String refuse(Recipient recipient, RecipientRules.BatchFacts facts);

    /**
     * @param address   lower case
     * @param contactId the contact the mail is for, when the payload says
     */
    record Recipient(String address, boolean marketing, Long contactId) {
    }
}
