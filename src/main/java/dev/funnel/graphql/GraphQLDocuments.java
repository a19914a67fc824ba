package dev.funnel.graphql;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import dev.funnel.common.ErrorCode;
import graphql.language.Argument;
import graphql.language.ArrayValue;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.Node;
import graphql.language.NodeTraverser;
import graphql.language.NodeVisitorStub;
import graphql.language.ObjectField;
import graphql.language.ObjectValue;
import graphql.language.OperationDefinition;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.language.VariableDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import graphql.parser.exceptions.ParseCancelledException;
import graphql.parser.exceptions.ParseCancelledTooDeepException;
import graphql.parser.exceptions.ParseCancelledTooManyCharsException;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;

/**
 * The checks a GraphQL document passes before graphql-java validates it, where a hostile document
 * would cost the most: its size in tokens (a parse is linear in it), its fields (validation
 * compares fields of one name pairwise, so 5,000 copies of one field cost seconds), aliases and
 * operations (OWASP GraphQL cheat sheet), and NUL characters, which PostgreSQL refuses in text.
 * A document that passed is remembered, so a client that repeats one pays for its parse once.
 */
@ApplicationScoped
public class GraphQLDocuments {

    /**
     * Documents seen to pass (up to 8,000 characters each), with the type of each of their
     * operations: the text and a few names, not the parsed tree (up to half a megabyte each).
     */
    private static final int KNOWN_MAX = 2048;
    private static final int KNOWN_MAX_LENGTH = 8_000;

    /** Nesting the parser follows (the depth limit refuses far less; this bounds the parser's own stack). */
    private static final int MAX_NESTING = 500;
    private final LimitsConfig limits;
    private final ParserOptions options;
    private final Map<String, Operations> known = java.util.Collections.synchronizedMap(
            new LinkedHashMap<>(KNOWN_MAX, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Operations> eldest) {
                    return size() > KNOWN_MAX;
                }
            });

    public GraphQLDocuments(LimitsConfig limits) {
        this.limits = limits;
        this.options = ParserOptions.newParserOptions().maxTokens(limits.maxTokens()).maxCharacters(limits.maxTokens() * 64)
                .maxRuleDepth(MAX_NESTING)
                .maxWhitespaceTokens(limits.maxTokens() * 10).captureIgnoredChars(false).captureLineComments(false)
                .redactTokenParserErrorMessages(false).build();
    }

    /** A document that breaks a rule, with the code and the input path (or null) to answer it with. */
    public static final class Refused extends RuntimeException {

        final ErrorCode code;
        final String field;

        Refused(ErrorCode code, String field, String message) {
            super(message, null, false, false);
            this.code = code;
            this.field = field;
        }
    }

    /** The operations of a document that passed: name (null for an anonymous one) to type. */
    public record Operations(Map<String, String> types) {

        /** The type of the operation that would run ("query", "mutation", "subscription"); null when none matches. */
        public String typeOf(String operationName) {
            if (operationName == null) {
                return types.size() == 1 ? types.values().iterator().next() : null;
            }
            return types.get(operationName);
        }
    }

    /** The operations of the document, or {@link Refused}. */
    public Operations check(String query) {
        Operations operations = known.get(query);
        if (operations != null) {
            return operations;
        }
        Document document;
        try {
            document = Parser.parse(ParserEnvironment.newParserEnvironment().document(query).parserOptions(options).build());
        } catch (ParseCancelledException | ParseCancelledTooDeepException | ParseCancelledTooManyCharsException e) {
            throw new Refused(ErrorCode.LIMIT_EXCEEDED, "query", "The document is too large: at most " + limits.maxTokens()
                    + " tokens (names, punctuation, values), " + limits.maxTokens() * 64 + " characters and "
                    + MAX_NESTING + " levels of nesting are allowed");
        } catch (InvalidSyntaxException e) {
            throw new Refused(ErrorCode.VALIDATION, "query", "The query is not valid GraphQL: " + e.getMessage());
        }
        shape(document);
        Map<String, String> types = new java.util.HashMap<>();
        for (OperationDefinition op : document.getDefinitionsOfType(OperationDefinition.class)) {
            types.put(op.getName(), op.getOperation().name().toLowerCase(java.util.Locale.ROOT));
        }
        operations = new Operations(types);
        if (query.length() <= KNOWN_MAX_LENGTH) {
            known.put(query, operations);
        }
        return operations;
    }

    private void shape(Document document) {
        long operations = document.getDefinitionsOfType(OperationDefinition.class).size();
        if (operations > limits.maxOperations()) {
            throw new Refused(ErrorCode.LIMIT_EXCEEDED, null,
                    "The document defines " + operations + " operations; at most " + limits.maxOperations() + " are allowed");
        }
        AtomicInteger fields = new AtomicInteger();
        AtomicInteger aliases = new AtomicInteger();
        new NodeTraverser().preOrder(new NodeVisitorStub() {
            @Override
            public TraversalControl visitVariableDefinition(VariableDefinition definition, TraverserContext<Node> context) {
                if (definition.getDefaultValue() != null) {
                    refuseNul(definition.getDefaultValue(), definition.getName());
                }
                return TraversalControl.CONTINUE;
            }

            @Override
            public TraversalControl visitField(Field field, TraverserContext<Node> context) {
                fields.incrementAndGet();
                if (!limits.schemaIntrospection() && field.getName().equals("__schema")) {
                    throw new Refused(ErrorCode.VALIDATION, "query",
                            "__schema does not answer here: the schema is published as schema.graphql");
                }
                if (field.getAlias() != null) {
                    aliases.incrementAndGet();
                }
                for (Argument argument : field.getArguments()) {
                    refuseNul(argument.getValue(), argument.getName());
                }
                return TraversalControl.CONTINUE;
            }
        }, document);
        if (fields.get() > limits.maxFields()) {
            throw new Refused(ErrorCode.LIMIT_EXCEEDED, null, "The document selects " + fields.get()
                    + " fields (each repetition counts); at most " + limits.maxFields() + " are allowed");
        }
        if (aliases.get() > limits.maxAliases()) {
            throw new Refused(ErrorCode.LIMIT_EXCEEDED, null,
                    "The document uses " + aliases.get() + " aliases; at most " + limits.maxAliases() + " are allowed");
        }
    }

    /** A string literal holding U+0000, which no text column can store. */
    private static void refuseNul(Value<?> value, String path) {
        if (value instanceof StringValue s && s.getValue().indexOf('\0') >= 0) {
            throw nul(path);
        }
        if (value instanceof ObjectValue o) {
            for (ObjectField f : o.getObjectFields()) {
                refuseNul(f.getValue(), path + "." + f.getName());
            }
        }
        if (value instanceof ArrayValue a) {
            for (int i = 0; i < a.getValues().size(); i++) {
                refuseNul(a.getValues().get(i), path + "[" + i + "]");
            }
        }
    }

    /** The same for the request's variables: a path such as {@code input.displayName}. */
    public static void refuseNulInVariables(Map<String, Object> variables) {
        if (variables != null) {
            variables.forEach((name, value) -> refuseNulIn(value, name));
        }
    }

    private static void refuseNulIn(Object value, String path) {
        if (value instanceof String s && s.indexOf('\0') >= 0) {
            throw nul(path);
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> refuseNulIn(v, path + "." + k));
        }
        if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                refuseNulIn(list.get(i), path + "[" + i + "]");
            }
        }
    }

    private static Refused nul(String path) {
        return new Refused(ErrorCode.VALIDATION, path, path + " contains a NUL character (U+0000), which is not allowed in text");
    }
}
