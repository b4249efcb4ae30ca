package cn.gov.enforcement.portal.lists;

import cn.gov.enforcement.portal.platform.InputRejectedException;

/** Input the lists services refuse; {@link #messageKey()} explains it in the reader's language. */
public class ListsInputException extends InputRejectedException {

    public ListsInputException(String messageKey, Object... args) {
        super(messageKey, args);
    }
}
