package cn.gov.enforcement.portal.platform;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.datepicker.DatePicker;
import java.util.Arrays;
import java.util.List;

/**
 * Date pickers in the reader's language: month and weekday names, the calendar's month titles and its days' labels
 * for screen readers, 今天 / 取消 and the message for a date the picker cannot read come from the {@code platform.date.*} texts (Vaadin's own are English); weeks start on
 * Monday and dates read and print as {@code yyyy-MM-dd}, the form the portal's addresses and documents use (English
 * pages also read the month first, {@code 1/31/2026}).
 */
public final class DatePickers {

    private DatePickers() {
    }

    public static DatePicker localize(DatePicker picker, Component owner) {
        picker.setI18n(texts(owner));
        calendarTexts(picker, owner, "this");
        return picker;
    }

    /**
     * The messages of the picker's own checks, which it shows when the reader leaves it (Vaadin's are empty: the field
     * turned red without a word): {@code required} for an emptied required picker, {@code outOfRange} for a date before
     * its {@code min} or after its {@code max}. Each should be the message the server gives for the same input, so
     * the reader meets one wording before and after sending. Call after {@link #localize(DatePicker, Component)}.
     */
    public static DatePicker checkMessages(DatePicker picker, String required, String outOfRange) {
        DatePicker.DatePickerI18n i18n = picker.getI18n() == null ? new DatePicker.DatePickerI18n() : picker.getI18n();
        if (required != null) {
            i18n.setRequiredErrorMessage(required);
        }
        i18n.setMinErrorMessage(outOfRange);
        i18n.setMaxErrorMessage(outOfRange);
        picker.setI18n(i18n);
        return picker;
    }

    /** The date half of a date-and-time picker in the reader's language, as {@link #localize(DatePicker, Component)}. */
    public static com.vaadin.flow.component.datetimepicker.DateTimePicker localize(
            com.vaadin.flow.component.datetimepicker.DateTimePicker picker, Component owner) {
        picker.setDatePickerI18n(texts(owner));
        calendarTexts(picker, owner, "this.querySelector('[slot=date-picker]')");
        return picker;
    }

    /**
     * Each month of the calendar titled as {@code platform.date.title} orders month ({0}) and year ({1}) (2026年12月 in Chinese;
     * Vaadin's title, month name then year, is a function in the browser that the server's texts cannot set), and each
     * day of it labelled for screen readers as {@code platform.date.dayLabel} orders year ({0}), month number ({1}), day
     * ({2}), weekday ({3}) and month name ({4}) (2026年9月1日 星期二; Vaadin's label, day, month name, year and weekday,
     * read <i>1 9月 2026, 星期二</i> on a Chinese page), today's followed as {@code platform.date.todayLabel} says. Set in the
     * browser at each attach, merged into the texts the picker has (its connector merges the server's texts into them in
     * turn, so they stay). Vaadin builds the day label in its calendar element's {@code __computeDayAriaLabel} (named
     * {@code __getDayAriaLabel} in older releases), which takes no text from the picker: the first picker of a page wraps
     * it once to use the picker's {@code formatDayLabel} when it
     * has one, and Vaadin's own otherwise.
     */
    private static void calendarTexts(Component picker, Component owner, String datePicker) {
        String title = owner.getTranslation("platform.date.title");
        String dayLabel = owner.getTranslation("platform.date.dayLabel");
        String todayLabel = owner.getTranslation("platform.date.todayLabel");
        picker.addAttachListener(attach -> picker.getElement().executeJs("const picker = " + datePicker + ";"
                + " if (picker) { picker.i18n = Object.assign({}, picker.i18n, {"
                + " formatTitle: (month, year) => $0.replace('{0}', month).replace('{1}', year),"
                + " formatDayLabel: (date, weekdays, monthNames, today) => { const label = $1"
                + ".replace('{0}', date.getFullYear()).replace('{1}', date.getMonth() + 1).replace('{2}', date.getDate())"
                + ".replace('{3}', weekdays[date.getDay()]).replace('{4}', monthNames[date.getMonth()]);"
                + " return today ? $2.replace('{0}', label) : label; } }); }"
                + " customElements.whenDefined('vaadin-month-calendar').then(() => {"
                + " const calendar = customElements.get('vaadin-month-calendar').prototype;"
                + " if (calendar.__portalDayLabel) { return; }"
                + " calendar.__portalDayLabel = true;"
                + " ['__computeDayAriaLabel', '__getDayAriaLabel'].filter(name => typeof calendar[name] === 'function')"
                + ".forEach(name => { const vaadinLabel = calendar[name];"
                + " calendar[name] = function (date) {"
                + " const format = date && this.i18n && this.i18n.formatDayLabel;"
                + " return format ? format(date, this.i18n.weekdays, this.i18n.monthNames, this._isToday(date))"
                + " : vaadinLabel.call(this, date); }; }); });", title, dayLabel, todayLabel));
    }

    private static DatePicker.DatePickerI18n texts(Component owner) {
        DatePicker.DatePickerI18n i18n = new DatePicker.DatePickerI18n();
        i18n.setMonthNames(list(owner, "platform.date.months"));
        i18n.setWeekdays(list(owner, "platform.date.weekdays"));
        i18n.setWeekdaysShort(list(owner, "platform.date.weekdaysShort"));
        i18n.setFirstDayOfWeek(1);
        i18n.setToday(owner.getTranslation("platform.date.today"));
        i18n.setCancel(owner.getTranslation("platform.date.cancel"));
        // the first is the form dates are shown in; an English reader may also write the month first (1/31/2026)
        List<String> formats = list(owner, "platform.date.formats");
        i18n.setDateFormats(formats.get(0), formats.subList(1, formats.size()).toArray(String[]::new));
        i18n.setBadInputErrorMessage(owner.getTranslation("platform.date.badInput"));
        return i18n;
    }

    /**
     * Whether the reader typed something the picker could not read as a date: its value is then empty, and a
     * form must not go on as if no date had been given.
     */
    public static boolean hasBadInput(DatePicker picker) {
        // the component keeps its input's presence in this synchronised property (Vaadin's own bad-input check)
        return picker.getValue() == null && !picker.getElement().getProperty("_inputElementValue", "").isBlank();
    }

    /**
     * Marks each picker that holds input it cannot read as invalid with the {@code platform.date.badInput} message;
     * true when any did, so that a form stops instead of going on without the date.
     */
    public static boolean markUnreadable(Component owner, DatePicker... pickers) {
        boolean any = false;
        for (DatePicker picker : pickers) {
            if (hasBadInput(picker)) {
                picker.setErrorMessage(owner.getTranslation("platform.date.badInput"));
                picker.setInvalid(true);
                any = true;
            }
        }
        return any;
    }

    private static List<String> list(Component owner, String key) {
        return Arrays.stream(owner.getTranslation(key).split(",")).map(String::strip).toList();
    }
}
