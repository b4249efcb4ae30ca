package cn.gov.enforcement.portal.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.io.ClassPathResource;

/**
 * The OpenAPI description ({@value OpenApiController#LOCATION}) against the OpenAPI specification itself, read by
 * swagger-parser with every {@code $ref} resolved: a misspelt or missing keyword of the specification, a reference to
 * a component that does not exist, a parameter without {@code in}, a path parameter not required, a repeated
 * {@code operationId} all fail the build. swagger-parser leaves the Schema Objects' JSON Schema keywords alone: each
 * schema is checked against the JSON Schema 2020-12 meta-schema too (a {@code type} that is no type, a
 * {@code required} that is no list), and every keyword of a schema must be one of JSON Schema 2020-12 or OpenAPI
 * (the meta-schema lets any other through). {@code OpenApiDescriptionIT} checks that the API answers as described.
 */
class OpenApiSpecificationTest {

    /**
     * What swagger-parser finds wrong in an OpenAPI document, read with its references resolved, and what the JSON
     * Schema 2020-12 meta-schema finds wrong in its schemas; empty for a valid document. A document swagger-parser
     * cannot read at all is one problem.
     */
    static List<String> problems(String document) throws IOException {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setValidateInternalRefs(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(document, null, options);
        List<String> problems = new ArrayList<>();
        if (result.getMessages() != null) {
            problems.addAll(result.getMessages());
        }
        if (result.getOpenAPI() == null) {
            problems.add("not read as an OpenAPI document");
        }
        JsonNode root = new YAMLMapper().readTree(document);
        Schema metaSchema = SchemaRegistry.withDefaultDialect(Dialects.getDraft202012())
                .getSchema(SchemaLocation.of(JSON_SCHEMA_2020_12));
        root.path("components").path("schemas").properties().forEach(schema -> problems.addAll(
                schemaProblems(metaSchema, "/components/schemas/" + schema.getKey(), schema.getValue())));
        collectSchemaProblems(metaSchema, root, "", problems);
        return problems;
    }

    private static final String JSON_SCHEMA_2020_12 = "https://json-schema.org/draft/2020-12/schema";

    /** Checks the value of every {@code schema} field outside the components' schemas: parameters, media types, headers. */
    private static void collectSchemaProblems(Schema metaSchema, JsonNode node, String at, List<String> problems) {
        if (at.equals("/components/schemas")) {
            return;
        }
        node.properties().forEach(field -> {
            String pointer = at + "/" + OpenApiDocument.escape(field.getKey());
            if (field.getKey().equals("schema") && field.getValue().isObject()) {
                problems.addAll(schemaProblems(metaSchema, pointer, field.getValue()));
            } else if (field.getValue().isContainerNode()) {
                collectSchemaProblems(metaSchema, field.getValue(), pointer, problems);
            }
        });
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectSchemaProblems(metaSchema, node.get(i), at + "/" + i, problems);
            }
        }
    }

    private static List<String> schemaProblems(Schema metaSchema, String pointer, JsonNode schema) {
        List<String> problems = new ArrayList<>(
                metaSchema.validate(schema).stream().map(error -> pointer + ": " + error).toList());
        unknownKeywords(schema, pointer, problems);
        return problems;
    }

    /**
     * The keywords of JSON Schema 2020-12 (core, applicator, validation, unevaluated, meta-data, format, content)
     * and those OpenAPI 3.1 adds to a Schema Object. JSON Schema lets a schema carry any other keyword and ignores
     * it, so the meta-schema passes a misspelt {@code requried} or the half of a description that a comma cut off
     * in a YAML flow mapping ({@code {description: sample content, not a real agency}} holds a key
     * {@code not a real agency}); the description's own schemas use no keyword of their own but {@code x-…}.
     */
    private static final java.util.Set<String> SCHEMA_KEYWORDS = java.util.Set.of(
            "$schema", "$id", "$ref", "$anchor", "$dynamicRef", "$dynamicAnchor", "$vocabulary", "$comment", "$defs",
            "allOf", "anyOf", "oneOf", "not", "if", "then", "else", "dependentSchemas", "prefixItems", "items",
            "contains", "properties", "patternProperties", "additionalProperties", "propertyNames",
            "unevaluatedItems", "unevaluatedProperties", "type", "enum", "const", "multipleOf", "maximum",
            "exclusiveMaximum", "minimum", "exclusiveMinimum", "maxLength", "minLength", "pattern", "maxItems",
            "minItems", "uniqueItems", "maxContains", "minContains", "maxProperties", "minProperties", "required",
            "dependentRequired", "title", "description", "default", "deprecated", "readOnly", "writeOnly",
            "examples", "format", "contentEncoding", "contentMediaType", "contentSchema", "discriminator", "xml",
            "externalDocs", "example");

    /** Adds a problem for each keyword of {@code schema} and its subschemas that JSON Schema and OpenAPI do not know. */
    private static void unknownKeywords(JsonNode schema, String pointer, List<String> problems) {
        if (!schema.isObject()) {
            return;
        }
        schema.properties().forEach(field -> {
            String keyword = field.getKey();
            JsonNode value = field.getValue();
            String at = pointer + "/" + OpenApiDocument.escape(keyword);
            if (!SCHEMA_KEYWORDS.contains(keyword) && !keyword.startsWith("x-")) {
                problems.add(at + ": unknown keyword \"" + keyword + "\"");
                return;
            }
            switch (keyword) {
                case "properties", "patternProperties", "$defs", "dependentSchemas" -> value.properties().forEach(
                        sub -> unknownKeywords(sub.getValue(), at + "/" + OpenApiDocument.escape(sub.getKey()), problems));
                case "allOf", "anyOf", "oneOf", "prefixItems" -> {
                    for (int i = 0; i < value.size(); i++) {
                        unknownKeywords(value.get(i), at + "/" + i, problems);
                    }
                }
                case "items", "not", "if", "then", "else", "contains", "additionalProperties", "propertyNames",
                        "unevaluatedItems", "unevaluatedProperties", "contentSchema" -> unknownKeywords(value, at, problems);
                default -> { }
            }
        });
    }

    @Test
    void the_served_description_meets_the_openapi_specification() throws IOException {
        String document = description();
        assertThat(problems(document)).isEmpty();

        // read as the 3.1 document it is, not as an empty one
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        OpenAPI read = new OpenAPIV3Parser().readContents(document, null, options).getOpenAPI();
        assertThat(read.getOpenapi()).startsWith("3.1.");
        assertThat(read.getPaths()).hasSizeGreaterThan(15);
        assertThat(read.getComponents().getSchemas()).hasSizeGreaterThan(20);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            a reference to a missing schema | {$ref: '#/components/schemas/AgencyPage'} \
                | {$ref: '#/components/schemas/AgencyPages'} | Could not find /components/schemas/AgencyPages
            a reference to a missing response | '400': {$ref: '#/components/responses/BadRequest'} \
                | '400': {$ref: '#/components/responses/BadRequests'} | Could not find /components/responses/BadRequests
            a reference to a missing parameter | - $ref: '#/components/parameters/FreeText' \
                | - $ref: '#/components/parameters/FreeTexts' | Could not find /components/parameters/FreeTexts
            an operation without responses | "      responses:\\n        '200':\\n          description: a page of agencies" \
                | "      x-responses:\\n        '200':\\n          description: a page of agencies" \
                | (get).responses is missing
            a misspelt keyword | operationId: listAgencies | operationID: listAgencies | (get).operationID is unexpected
            a parameter without in | "          in: query\\n          description: the agency's category" \
                | "          description: the agency's category" | parameters.[category].in is missing
            a parameter in a place that does not exist | "          in: query\\n          description: the agency's category" \
                | "          in: body\\n          description: the agency's category" | parameters.[category].in is not of type
            a path parameter not required | "          in: path\\n          required: true\\n          description: the agency's id" \
                | "          in: path\\n          description: the agency's id" | For path parameter id the required value should be true
            a response without description | "          description: a page of agencies\\n" | "" \
                | responses.200.description is missing
            a repeated operationId | operationId: getAgency | operationId: listAgencies | operationId is repeated
            an info without title | "  title: Public JSON API" | "  name: Public JSON API" | info.title is missing
            a schema type that is no type | "total: {type: integer, minimum: 0}" | "total: {type: integr, minimum: 0}"                 | /components/schemas/AgencyPage: /properties/total/type
            a misspelt keyword inside a schema | "required: [error, message]" | "requried: [error, message]" \
                | /components/schemas/Error/requried: unknown keyword "requried"
            a description cut by a comma in a flow mapping | "{type: integer, minimum: 0}" \
                | "{type: integer, minimum: 0, description: a count, never negative}" | unknown keyword "never negative"
            a parameter schema's maxLength as text | "schema: {type: string, maxLength: 80}"                 | "schema: {type: string, maxLength: eighty}" | /paths/~1api~1v1~1agencies~1{id}/get/parameters/0/schema: /maxLength
            """)
    void a_broken_copy_of_the_description_is_reported(String what, String valid, String broken, String reported)
            throws IOException {
        String document = description();
        String from = valid.replace("\\n", "\n");
        assertThat(document).as("the valid text this case breaks").contains(from);
        String copy = document.replaceFirst(Pattern.quote(from),
                Matcher.quoteReplacement(broken.replace("\\n", "\n")));

        assertThat(problems(copy)).as(what).anySatisfy(problem -> assertThat(problem).contains(reported));
    }

    @Test
    void text_that_is_no_openapi_document_is_reported() throws IOException {
        assertThat(problems("just: some yaml\n")).isNotEmpty();
    }

    private static String description() throws IOException {
        try (InputStream in = new ClassPathResource(OpenApiController.LOCATION).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
