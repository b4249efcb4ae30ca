package cn.gov.enforcement.portal.lists;

/** Input the lists services refuse; {@link #messageKey()} explains it in the reader's language. */
public class ListsInputException extends IllegalArgumentException {

    private final String messageKey;
    private final transient Object[] args;

    public ListsInputException(String messageKey, Object... args) {
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
