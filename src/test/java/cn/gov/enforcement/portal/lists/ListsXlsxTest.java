package cn.gov.enforcement.portal.lists;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The XLSX download is a valid OOXML package whose sheet holds exactly the rows it was given. */
class ListsXlsxTest {

    /** Reads the parts of a zip into memory. */
    static Map<String, byte[]> unzip(byte[] file) throws Exception {
        Map<String, byte[]> parts = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(file), StandardCharsets.UTF_8)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                parts.put(e.getName(), zip.readAllBytes());
            }
        }
        return parts;
    }

    static Document xml(byte[] bytes) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
    }

    /** The cell texts of the first sheet, row by row. */
    static List<List<String>> readSheet(byte[] file) throws Exception {
        return readSheet(file, 1);
    }

    /** The names of the workbook's sheets, in order. */
    static List<String> sheetNames(byte[] file) throws Exception {
        NodeList sheets = xml(unzip(file).get("xl/workbook.xml")).getElementsByTagNameNS("*", "sheet");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < sheets.getLength(); i++) {
            names.add(((Element) sheets.item(i)).getAttribute("name"));
        }
        return names;
    }

    /** The cell texts of the sheet with this number (from 1), row by row. */
    static List<List<String>> readSheet(byte[] file, int number) throws Exception {
        Map<String, byte[]> parts = unzip(file);
        Document sheet = xml(parts.get("xl/worksheets/sheet" + number + ".xml"));
        List<List<String>> rows = new ArrayList<>();
        NodeList rowNodes = sheet.getElementsByTagNameNS("*", "row");
        for (int r = 0; r < rowNodes.getLength(); r++) {
            List<String> cells = new ArrayList<>();
            NodeList cellNodes = ((Element) rowNodes.item(r)).getElementsByTagNameNS("*", "c");
            for (int c = 0; c < cellNodes.getLength(); c++) {
                cells.add(cellNodes.item(c).getTextContent());
            }
            rows.add(cells);
        }
        return rows;
    }

    @Test
    void the_workbook_has_every_part_excel_needs_and_its_sheet_reads_back_cell_by_cell() throws Exception {
        List<List<String>> rows = List.of(List.of("编号", "标题"), List.of("a-1", "=HYPERLINK(\"x\") & <b>"),
                List.of("a-2", "多行\n文本\u0001"));
        byte[] file = ListsXlsx.workbook("法律风险点清单", rows);
        Map<String, byte[]> parts = unzip(file);
        assertThat(parts).containsKeys("[Content_Types].xml", "_rels/.rels", "xl/workbook.xml",
                "xl/_rels/workbook.xml.rels", "xl/worksheets/sheet1.xml");
        for (byte[] part : parts.values()) {
            xml(part); // every part is well-formed XML
        }
        Document workbook = xml(parts.get("xl/workbook.xml"));
        assertThat(((Element) workbook.getElementsByTagNameNS("*", "sheet").item(0)).getAttribute("name"))
                .isEqualTo("法律风险点清单");
        assertThat(readSheet(file)).containsExactly(List.of("编号", "标题"), List.of("a-1", "=HYPERLINK(\"x\") & <b>"),
                List.of("a-2", "多行\n文本"));
        // cells are inline strings, never formulas
        assertThat(new String(parts.get("xl/worksheets/sheet1.xml"), StandardCharsets.UTF_8))
                .doesNotContain("<f>").contains("t=\"inlineStr\"");
    }

    @Test
    void a_workbook_of_two_sheets_names_and_relates_both_parts() throws Exception {
        byte[] file = ListsXlsx.workbook(List.of(new ListsXlsx.Sheet("法律风险点清单", List.of(List.of("编号"), List.of("a-1"))),
                new ListsXlsx.Sheet("说明", List.of(List.of("本次搜索……")))));
        Map<String, byte[]> parts = unzip(file);
        for (byte[] part : parts.values()) {
            xml(part);
        }
        assertThat(sheetNames(file)).containsExactly("法律风险点清单", "说明");
        assertThat(new String(parts.get("[Content_Types].xml"), StandardCharsets.UTF_8))
                .contains("/xl/worksheets/sheet1.xml", "/xl/worksheets/sheet2.xml");
        assertThat(new String(parts.get("xl/_rels/workbook.xml.rels"), StandardCharsets.UTF_8))
                .contains("Id=\"rId1\"", "Target=\"worksheets/sheet1.xml\"", "Id=\"rId2\"", "Target=\"worksheets/sheet2.xml\"");
        assertThat(readSheet(file, 1)).containsExactly(List.of("编号"), List.of("a-1"));
        assertThat(readSheet(file, 2)).containsExactly(List.of("本次搜索……"));
    }

    @Test
    void columns_are_named_like_a_spreadsheet() {
        assertThat(ListsXlsx.column(0)).isEqualTo("A");
        assertThat(ListsXlsx.column(25)).isEqualTo("Z");
        assertThat(ListsXlsx.column(26)).isEqualTo("AA");
        assertThat(ListsXlsx.column(27)).isEqualTo("AB");
    }
}
