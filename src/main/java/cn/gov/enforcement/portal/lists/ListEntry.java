package cn.gov.enforcement.portal.lists;

import java.time.LocalDate;

/** What every entry of the three lists has. */
public interface ListEntry {

    String id();

    String agency();

    LocalDate effectiveFrom();

    LocalDate effectiveTo();

    boolean sample();
}
