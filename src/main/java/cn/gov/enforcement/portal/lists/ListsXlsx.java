package cn.gov.enforcement.portal.lists;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * XLSX downloads: a minimal Office Open XML workbook with sheets of inline strings (no formulas, so nothing in a
 * cell is ever evaluated): the list, and a note when the search left entries out. Written by hand to avoid a
 * dependency for a few hundred rows.
 */
final class ListsXlsx {

    static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private ListsXlsx() {}

    /** A sheet of a workbook: its name (cut to the 31 characters Excel takes) and its rows. */
    record Sheet(String name, List<List<String>> rows) {}

    /** A workbook with one sheet named {@code sheetName}; the first row is the header. */
    static byte[] workbook(String sheetName, List<List<String>> rows) {
        return workbook(List.of(new Sheet(sheetName, rows)));
    }

    /** A workbook with these sheets, in order (names distinct); the first one opens. */
    static byte[] workbook(List<Sheet> sheets) {
        StringBuilder types = new StringBuilder();
        StringBuilder names = new StringBuilder();
        StringBuilder rels = new StringBuilder();
        for (int i = 1; i <= sheets.size(); i++) {
            String sheetName = sheets.get(i - 1).name();
            types.append("<Override PartName=\"/xl/worksheets/sheet").append(i).append(".xml\" ContentType=\"")
                    .append("application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
            names.append("<sheet name=\"").append(escape(sheetName.length() > 31 ? sheetName.substring(0, 31) : sheetName))
                    .append("\" sheetId=\"").append(i).append("\" r:id=\"rId").append(i).append("\"/>");
            rels.append("<Relationship Id=\"rId").append(i).append("\" Type=\"")
                    .append("http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"")
                    .append("worksheets/sheet").append(i).append(".xml\"/>");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            put(zip, "[Content_Types].xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                    <Default Extension="xml" ContentType="application/xml"/>\
                    <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
                    %s</Types>""".formatted(types));
            put(zip, "_rels/.rels", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
                    </Relationships>""");
            put(zip, "xl/workbook.xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
                    xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
                    <sheets>%s</sheets></workbook>""".formatted(names));
            put(zip, "xl/_rels/workbook.xml.rels", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                    %s</Relationships>""".formatted(rels));
            for (int i = 1; i <= sheets.size(); i++) {
                put(zip, "xl/worksheets/sheet" + i + ".xml", sheet(sheets.get(i - 1).rows()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the workbook", e);
        }
        return bytes.toByteArray();
    }

    private static String sheet(List<List<String>> rows) {
        StringBuilder out = new StringBuilder();
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n")
                .append("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        for (int r = 0; r < rows.size(); r++) {
            out.append("<row r=\"").append(r + 1).append("\">");
            List<String> cells = rows.get(r);
            for (int c = 0; c < cells.size(); c++) {
                out.append("<c r=\"").append(column(c)).append(r + 1).append("\" t=\"inlineStr\"><is><t xml:space=\"preserve\">")
                        .append(escape(cells.get(c))).append("</t></is></c>");
            }
            out.append("</row>");
        }
        return out.append("</sheetData></worksheet>").toString();
    }

    /** A, B, …, Z, AA, AB, … */
    static String column(int index) {
        StringBuilder name = new StringBuilder();
        for (int i = index + 1; i > 0; i = (i - 1) / 26) {
            name.insert(0, (char) ('A' + (i - 1) % 26));
        }
        return name.toString();
    }

    /** XML text: escapes markup characters and drops characters XML 1.0 does not allow. */
    static String escape(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length());
        value.codePoints().forEach(cp -> {
            switch (cp) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> {
                    boolean allowed = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
                            || (cp >= 0xE000 && cp <= 0xFFFD) || cp >= 0x10000;
                    if (allowed) {
                        out.appendCodePoint(cp);
                    }
                }
            }
        });
        return out.toString();
    }

    private static void put(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
