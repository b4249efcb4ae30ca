package cn.gov.enforcement.portal.lists;

import cn.gov.enforcement.portal.platform.Selects;
import cn.gov.enforcement.portal.lists.ListEntryForms.ConditionInput;
import cn.gov.enforcement.portal.lists.ListEntryForms.Spelling;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The conditions of the exemption form, a row per condition: the type picked from a list (named as the page's language
 * names it, {@link Spelling}), the fields its type needs (月数 / 天数 / 金额 / 数量, 单位, 对象), shown or hidden as the
 * type changes, 回答否时符合 for a yes/no type, the question, and buttons to move the row up or down or remove it. Every
 * field's label holds its row's number (第 2 个条件：天数), so does each button's {@code aria-label}; the numbers follow
 * the rows when they move. The rows stack below 901 px (theme {@code styles.css}). Nothing is checked here: the
 * server checks the rows ({@link ListEntryForms#exemption}) and {@link #showProblem} marks the field of a refused one.
 */
final class ConditionRows extends Div {

    private final Spelling spelling;
    private final Div rowsBox = new Div();
    private final List<Row> rows = new ArrayList<>();
    private final Button add;
    private final Paragraph groupError = new Paragraph();

    ConditionRows(Spelling spelling) {
        this.spelling = spelling;
        setId("entry-conditions");
        addClassName("entry-conditions");
        H2 heading = new H2(getTranslation("lists.admin.field.conditions"));
        heading.setId("entry-conditions-heading");
        Paragraph help = new Paragraph(getTranslation("lists.admin.help.conditions"));
        help.setId("entry-conditions-help");
        help.addClassName("entry-conditions-help");
        // a group named by its heading, described by the help, for screen readers
        getElement().setAttribute("role", "group");
        getElement().setAttribute("aria-labelledby", "entry-conditions-heading");
        getElement().setAttribute("aria-describedby", "entry-conditions-help");
        groupError.setId("entry-conditions-error");
        groupError.addClassName("lists-error");
        groupError.setVisible(false);
        add = new Button(getTranslation("lists.admin.condition.add"), e -> {
            Row row = addRow(ListEntryForms.ConditionInput.empty());
            relabel();
            row.type.focus();
        });
        add.setId("entry-condition-add");
        add(heading, help, groupError, rowsBox, add);
    }

    /** Replaces the rows with these conditions (a stored item's, or what was typed before the language switch). */
    void setValue(List<ConditionInput> conditions) {
        rows.clear();
        rowsBox.removeAll();
        conditions.forEach(this::addRow);
        if (rows.isEmpty()) {
            addRow(ListEntryForms.ConditionInput.empty());
        }
        relabel();
    }

    /** The rows in order, each with only the fields its type shows. */
    List<ConditionInput> getValue() {
        return rows.stream().map(Row::input).toList();
    }

    /** Clears the marks of an earlier refusal. */
    void clearProblems() {
        groupError.setText("");
        groupError.setVisible(false);
        rows.forEach(Row::clearProblems);
    }

    /**
     * Marks a refused condition: the field the problem is about (the type, the number, the unit or object, the question;
     * the row's type for 回答否时符合) gets the message, which names the row. A problem of the whole list (none, too many)
     * is shown above the rows.
     */
    void showProblem(String key, Object[] args, String message) {
        if (args.length == 0 || !(args[0] instanceof Integer n) || n < 1 || n > rows.size()) {
            groupError.setText(message);
            groupError.setVisible(true);
            return;
        }
        Row row = rows.get(n - 1);
        HasValidation field = switch (key) {
            case "lists.admin.error.conditionNumber" -> row.number;
            case "lists.admin.error.conditionText", "lists.admin.error.conditionTextControl" ->
                    "unit".equals(args[1]) ? row.unit : row.what;
            case "lists.admin.error.conditionQuestion", "lists.admin.error.conditionQuestionControl" -> row.question;
            default -> row.type;
        };
        field.setInvalid(true);
        field.setErrorMessage(field.getErrorMessage() == null || field.getErrorMessage().isEmpty() ? message
                : field.getErrorMessage() + " " + message);
    }

    private Row addRow(ConditionInput input) {
        Row row = new Row(input);
        rows.add(row);
        rowsBox.add(row);
        return row;
    }

    private void move(Row row, int by) {
        int at = rows.indexOf(row);
        int to = at + by;
        if (to < 0 || to >= rows.size()) {
            return;
        }
        rows.remove(at);
        rows.add(to, row);
        rowsBox.removeAll();
        rows.forEach(rowsBox::add);
        relabel();
        // the focus stays on the button pressed, in the row's new place (or on the other one at the end of the list)
        (by < 0 ? (to == 0 ? row.down : row.up) : (to == rows.size() - 1 ? row.up : row.down)).focus();
    }

    private void remove(Row row) {
        int at = rows.indexOf(row);
        rows.remove(at);
        rowsBox.remove(row);
        if (rows.isEmpty()) {
            addRow(ListEntryForms.ConditionInput.empty());
        }
        relabel();
        rows.get(Math.min(at, rows.size() - 1)).type.focus();
    }

    /** Numbers every row's labels after a change of order, and offers only the moves that are possible. */
    private void relabel() {
        for (int i = 0; i < rows.size(); i++) {
            rows.get(i).label(i + 1, i > 0, i < rows.size() - 1);
        }
        add.setEnabled(rows.size() < ListEntryForms.MAX_CONDITIONS);
    }

    private String fieldLabel(int n, String what) {
        return getTranslation("lists.admin.condition.label", n, what);
    }

    /** One condition's fields. */
    private final class Row extends Div {
        final Select<ConditionType> type = Selects.create();
        final BigDecimalField number = new BigDecimalField();
        final TextField unit = new TextField();
        final TextField what = new TextField();
        final Checkbox metWhenNo = new Checkbox();
        final TextField question = new TextField();
        final Button up = new Button(getTranslation("lists.admin.condition.up"));
        final Button down = new Button(getTranslation("lists.admin.condition.down"));
        final Button remove = new Button(getTranslation("lists.admin.condition.remove"));

        Row(ConditionInput input) {
            addClassName("entry-condition-row");
            type.addClassName("entry-condition-type");
            type.setItems(Arrays.asList(ConditionType.values()));
            type.setItemLabelGenerator(spelling::type);
            number.addClassName("entry-condition-number");
            unit.addClassName("entry-condition-unit");
            unit.setMaxLength(50);
            what.addClassName("entry-condition-what");
            what.setMaxLength(300);
            metWhenNo.addClassName("entry-condition-met-when-no");
            question.addClassName("entry-condition-question");
            question.setMaxLength(500);
            up.addClassName("entry-condition-up");
            down.addClassName("entry-condition-down");
            remove.addClassName("entry-condition-remove");
            for (Button b : List.of(up, down, remove)) {
                b.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            }
            remove.addThemeVariants(ButtonVariant.LUMO_ERROR);
            up.addClickListener(e -> move(this, -1));
            down.addClickListener(e -> move(this, 1));
            remove.addClickListener(e -> ConditionRows.this.remove(this));
            Div buttons = new Div(up, down, remove);
            buttons.addClassName("entry-condition-buttons");
            add(type, number, unit, what, metWhenNo, question, buttons);
            type.setValue(input.type());
            number.setValue(input.number());
            unit.setValue(input.unit() == null ? "" : input.unit());
            what.setValue(input.what() == null ? "" : input.what());
            metWhenNo.setValue(input.metWhenNo());
            question.setValue(input.question() == null ? "" : input.question());
            type.addValueChangeListener(e -> showFields(rows.indexOf(this) + 1));
        }

        /** The labels with the row's number, the parameters named as the picked type names them. */
        void label(int n, boolean canMoveUp, boolean canMoveDown) {
            getElement().setAttribute("data-row", String.valueOf(n));
            type.setLabel(fieldLabel(n, getTranslation("lists.admin.condition.type")));
            metWhenNo.setLabel(fieldLabel(n, getTranslation("lists.admin.condition.metWhenNo")));
            question.setLabel(fieldLabel(n, getTranslation("lists.admin.condition.question")));
            up.setEnabled(canMoveUp);
            down.setEnabled(canMoveDown);
            action(up, n, "lists.admin.condition.up");
            action(down, n, "lists.admin.condition.down");
            action(remove, n, "lists.admin.condition.remove");
            showFields(n);
        }

        private void action(Button button, int n, String key) {
            button.getElement().setAttribute("aria-label",
                    getTranslation("lists.admin.condition.action", n, getTranslation(key)));
        }

        /** Shows the fields the picked type needs, labelled with its parameters' names; hides the others. */
        void showFields(int n) {
            ConditionType t = type.getValue();
            boolean hasNumber = t != null && t.numberParameter() != null;
            number.setVisible(hasNumber);
            if (hasNumber) {
                number.setLabel(fieldLabel(n, spelling.parameter(t, t.numberParameter())));
            }
            unit.setVisible(t != null && t.textParameters().contains("unit"));
            unit.setLabel(t == null ? null : fieldLabel(n, spelling.parameter(t, "unit")));
            what.setVisible(t != null && t.textParameters().contains("what"));
            what.setLabel(t == null ? null : fieldLabel(n, spelling.parameter(t, "what")));
            metWhenNo.setVisible(t != null && !t.numericAnswer());
        }

        /** What the row holds, with only the fields its type shows (a hidden field keeps its value for a change back). */
        ConditionInput input() {
            ConditionType t = type.getValue();
            return new ConditionInput(t, number.isVisible() ? number.getValue() : null,
                    unit.isVisible() ? unit.getValue() : null, what.isVisible() ? what.getValue() : null,
                    metWhenNo.isVisible() && metWhenNo.getValue(), question.getValue());
        }

        void clearProblems() {
            for (HasValidation f : List.<HasValidation>of(type, number, unit, what, question)) {
                f.setInvalid(false);
                f.setErrorMessage(null);
            }
        }
    }
}
