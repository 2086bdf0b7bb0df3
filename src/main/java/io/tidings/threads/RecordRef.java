package io.tidings.threads;

/** Names a record's thread: model + id. */
public record RecordRef(RecordModel model, long id) {

    public static RecordRef of(String model, long id) {
        return new RecordRef(RecordModel.parse(model), id);
    }

    public static RecordRef contact(long id) {
        return new RecordRef(RecordModel.CONTACT, id);
    }

    public static RecordRef lead(long id) {
        return new RecordRef(RecordModel.LEAD, id);
    }

    public static RecordRef order(long id) {
        return new RecordRef(RecordModel.ORDER, id);
    }

    /** "lead/12", as carried in email payloads. */
    public String key() {
        return model.key() + "/" + id;
    }
}
