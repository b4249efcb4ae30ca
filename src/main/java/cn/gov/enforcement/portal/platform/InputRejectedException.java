package cn.gov.enforcement.portal.platform;

/**
 * A reader's input a service refuses; {@link #messageKey()} with {@link #args()} explains it in their
 * language. A view shows the message; a {@link JsonApi} controller answers 400 with it
 * ({@link JsonApiErrors}).
 */
public class InputRejectedException extends IllegalArgumentException {

    private final String messageKey;
    private final transient Object[] args;

    public InputRejectedException(String messageKey, Object... args) {
        super(messageKey);
        this.messageKey = messageKey;
        this.args = args == null ? new Object[0] : args.clone();
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.clone();
    }
}
