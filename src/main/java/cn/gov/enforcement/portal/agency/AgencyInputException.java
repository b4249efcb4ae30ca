package cn.gov.enforcement.portal.agency;

/** A reader's input the agency services refuse; {@link #messageKey()} explains it in their language. */
public class AgencyInputException extends IllegalArgumentException {

    private final String messageKey;
    private final transient Object[] args;

    public AgencyInputException(String messageKey, Object... args) {
        super(messageKey);
        this.messageKey = messageKey;
        this.args = args;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.clone();
    }
}
