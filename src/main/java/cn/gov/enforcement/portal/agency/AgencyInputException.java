package cn.gov.enforcement.portal.agency;

import cn.gov.enforcement.portal.platform.InputRejectedException;

/** A reader's input the agency services refuse; {@link #messageKey()} explains it in their language. */
public class AgencyInputException extends InputRejectedException {

    public AgencyInputException(String messageKey, Object... args) {
        super(messageKey, args);
    }
}
