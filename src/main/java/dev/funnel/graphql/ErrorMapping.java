package dev.funnel.graphql;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolationException;

import org.hibernate.StaleStateException;

import dev.funnel.common.ErrorCode;
import dev.funnel.common.FunnelException;
import dev.funnel.common.ValidationException;
import graphql.ErrorType;
import graphql.ExceptionWhileDataFetching;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.ErrorClassification;
import graphql.language.SourceLocation;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;

/**
 * The one place where errors get their API.md shape: every error leaves with
 * {@code extensions.code}, a message meant for the caller and, for validation, {@code extensions.field}.
 * Nothing else of the exception leaves: no class name, no stack trace. Errors the caller did not
 * cause are logged with a reference that the message repeats.
 *
 * <p>A graphql-java instrumentation, installed by {@link FunnelInstrumentation} after the
 * instrumentations SmallRye set up itself and the {@link QueryLimits}.
 */
public class ErrorMapping extends SimplePerformantInstrumentation {

    private static final Pattern ARGUMENT = Pattern.compile("argument '([^']+)'");
    private static final Pattern VARIABLE = Pattern.compile("[Vv]ariable '([^']+)'");
    private static final Pattern ENUM_VALUE = Pattern.compile("No value found for name '([^']+)'");
    private static final Pattern ENUM_TYPE = Pattern.compile("for enum '(\\w+)'");
    /** The value in {@link DecimalCoercing}'s messages. */
    private static final Pattern DECIMAL_VALUE = Pattern.compile("\"(.*)\" is not a decimal|(\\S+) is a JSON number");
    private static final Pattern INPUT_FIELD = Pattern.compile("[Ff]ield '([^']+)'");

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
            InstrumentationExecutionParameters parameters, InstrumentationState state) {
        if (result.getErrors().isEmpty()) {
            return CompletableFuture.completedFuture(result);
        }
        Map<String, Object> variables = parameters.getExecutionInput().getVariables();
        List<GraphQLError> errors = result.getErrors().stream()
                // a null bubbling up from a field that already failed says nothing more
                .filter(e -> e.getErrorType() != ErrorType.NullValueInNonNullableField || result.getErrors().stream()
                        .allMatch(other -> other.getErrorType() == ErrorType.NullValueInNonNullableField))
                .map(e -> map(e, variables, parameters.getSchema())).toList();
        return CompletableFuture.completedFuture(result.transform(b -> b.errors(errors)));
    }

    static GraphQLError map(GraphQLError error, Map<String, Object> variables, graphql.schema.GraphQLSchema schema) {
        if (error instanceof ExceptionWhileDataFetching fetching) {
            return fromException(error, fetching.getException());
        }
        if (error instanceof AbortExecutionException) {
            return coded(error, ErrorCode.LIMIT_EXCEEDED, error.getMessage(), null);
        }
        if (error.getErrorType() == ErrorType.NullValueInNonNullableField || error instanceof graphql.SerializationError) {
            // the service produced a value the schema does not allow: its fault, not the caller's
            String reference = UUID.randomUUID().toString();
            Log.errorf("Internal error %s at %s: %s", reference, error.getPath(), error.getMessage());
            return coded(error, ErrorCode.INTERNAL, "Internal error (reference " + reference + ")", null);
        }
        String message = error.getMessage() == null ? "Invalid request" : readable(error.getMessage());
        String field = fieldOf(message, variables);
        Matcher enumType = ENUM_TYPE.matcher(message);
        if (enumType.find() && schema != null && schema.getType(enumType.group(1)) instanceof graphql.schema.GraphQLEnumType e) {
            message = message + ". " + e.getName() + " is one of " + String.join(", ",
                    e.getValues().stream().map(graphql.schema.GraphQLEnumValueDefinition::getName).toList());
        }
        if (message.contains("Unknown Scalar Type")) {
            // SmallRye could not turn a value into its Java type (a date, a decimal...); its message names a class
            message = "'" + field + "' holds a value of the wrong format: times are ISO-8601 (2026-01-31T09:00:00Z),"
                    + " amounts are decimal numbers";
        }
        return coded(error, ErrorCode.VALIDATION, message, field);
    }

    private static final Pattern PREFIX = Pattern.compile("^Validation error \\([A-Za-z]+(@\\[[^\\]]*\\])?\\) : ");
    private static final Pattern AST_VALUE = Pattern.compile(
            "(EnumValue|StringValue|IntValue|FloatValue|BooleanValue|NullValue|ObjectValue|ArrayValue|VariableReference)\\{");
    private static final Pattern AST_FIELD = Pattern.compile("(?:name|value)=(?:'([^']*)'|([^,}]*))");

    /**
     * graphql-java's message without its internal renderings of values ({@code EnumValue{name='X'}}
     * becomes {@code X}, an object value becomes "an object") and without its
     * "Validation error (WrongType@[path]) :" prefix: a sentence for the developer calling the API.
     */
    static String readable(String message) {
        String m = PREFIX.matcher(message).replaceFirst("");
        StringBuilder out = new StringBuilder();
        Matcher ast = AST_VALUE.matcher(m);
        int from = 0;
        while (ast.find(from)) {
            int end = closing(m, ast.end() - 1);
            out.append(m, from, ast.start()).append(render(ast.group(1), m.substring(ast.end(), end)));
            from = end + 1;
        }
        out.append(m.substring(from));
        String readable = out.toString().replace("''", "'").strip();
        readable = AST_TYPE.matcher(readable).replaceAll(r -> "expected " + article(r.group(1)) + ", got " + article(r.group(2)));
        return NULL_FOR_NON_NULL.matcher(readable).replaceAll("Variable '$1' is required ($2) but was null");
    }

    private static final Pattern AST_TYPE = Pattern.compile("Expected an AST type of '(\\w+)' but it was a '(\\w+)'");
    private static final Pattern NULL_FOR_NON_NULL = Pattern.compile(
            "Variable '(\\w+)' has an invalid value: Variable '\\w+' has coerced Null value for NonNull type '([^']+)'");

    /** {@code EnumValue} as "an enum value", {@code ObjectValue} as "an object". */
    private static String article(String astType) {
        return switch (astType) {
            case "EnumValue" -> "an enum value";
            case "ObjectValue" -> "an object";
            case "ArrayValue" -> "a list";
            case "IntValue" -> "an integer";
            case "FloatValue" -> "a number";
            case "StringValue" -> "a string";
            case "BooleanValue" -> "true or false";
            case "NullValue" -> "null";
            default -> astType;
        };
    }

    /** The index of the brace closing the one at {@code open}, or the last index. */
    private static int closing(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return s.length() - 1;
    }

    private static String render(String kind, String inside) {
        return switch (kind) {
            case "ObjectValue" -> "an object";
            case "ArrayValue" -> "a list";
            case "NullValue" -> "null";
            default -> {
                Matcher f = AST_FIELD.matcher(inside);
                String v = f.find() ? (f.group(1) != null ? f.group(1) : f.group(2)) : inside;
                yield switch (kind) {
                    case "StringValue" -> "\"" + v + "\"";
                    case "VariableReference" -> "$" + v;
                    default -> v;
                };
            }
        };
    }

    private static GraphQLError fromException(GraphQLError error, Throwable t) {
        while (t.getCause() != null && !(t instanceof FunnelException) && t.getClass().getName().startsWith("java.util.concurrent")) {
            t = t.getCause();
        }
        if (t instanceof ValidationException v) {
            return coded(error, v.code(), v.getMessage(), v.field());
        }
        if (t instanceof FunnelException f) {
            return coded(error, f.code(), f.getMessage(), null);
        }
        if (t instanceof UnauthorizedException || t instanceof AuthenticationFailedException) {
            return coded(error, ErrorCode.UNAUTHENTICATED, "Authentication required", null);
        }
        if (t instanceof io.quarkus.security.ForbiddenException) {
            return coded(error, ErrorCode.FORBIDDEN, "Your roles do not allow this operation", null);
        }
        if (causedBy(t, graphql.schema.CoercingParseLiteralException.class)
                || causedBy(t, graphql.schema.CoercingParseValueException.class)) {
            // SmallRye coerces some arguments again in its fetcher (an Int sent as 7.2E113)
            return coded(error, ErrorCode.VALIDATION, readable(rootMessage(t)), null);
        }
        if (causedBy(t, OptimisticLockException.class) || causedBy(t, StaleStateException.class)) {
            return coded(error, ErrorCode.VERSION_CONFLICT,
                    "The record was changed by someone else meanwhile: read it again and retry", null);
        }
        if (t instanceof ConstraintViolationException cve && !cve.getConstraintViolations().isEmpty()) {
            var violation = cve.getConstraintViolations().iterator().next();
            return coded(error, ErrorCode.VALIDATION, violation.getPropertyPath() + " " + violation.getMessage(),
                    violation.getPropertyPath().toString());
        }
        String reference = UUID.randomUUID().toString();
        Log.errorf(t, "Internal error %s at %s", reference, error.getPath());
        return coded(error, ErrorCode.INTERNAL, "Internal error (reference " + reference + ")", null);
    }

    /** The message of the deepest cause, without SmallRye's message id ("SRGQL000021: "). */
    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "An argument has a value of the wrong type" : root.getMessage();
        return message.replaceFirst("^SRGQL\\d+: ", "").replace("[", "").replace("]", "");
    }

    private static boolean causedBy(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    private static String fieldOf(String message, Map<String, Object> variables) {
        Matcher m = ARGUMENT.matcher(message);
        if (m.find()) {
            return m.group(1);
        }
        m = VARIABLE.matcher(message);
        if (!m.find()) {
            return null;
        }
        Matcher inner = INPUT_FIELD.matcher(message);
        if (inner.find(m.end())) {
            return m.group(1) + "." + inner.group(1);
        }
        Matcher decimal = DECIMAL_VALUE.matcher(message);
        if (decimal.find()) {
            String path = pathOf(variables.get(m.group(1)), decimal.group(1) != null ? decimal.group(1) : decimal.group(2),
                    m.group(1));
            if (path != null) {
                return path;
            }
        }
        Matcher enumValue = ENUM_VALUE.matcher(message);
        if (enumValue.find()) {
            String path = pathOf(variables.get(m.group(1)), enumValue.group(1), m.group(1));
            if (path != null) {
                return path;
            }
        }
        return m.group(1);
    }

    /** Where in a variable's value a rejected value sits, e.g. {@code input.source}. */
    private static String pathOf(Object value, String wanted, String path) {
        if (wanted.equals(value) || (value instanceof Number && wanted.equals(String.valueOf(value)))) {
            return path;
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String found = pathOf(e.getValue(), wanted, path + "." + e.getKey());
                if (found != null) {
                    return found;
                }
            }
        }
        if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                String found = pathOf(list.get(i), wanted, path + "[" + i + "]");
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static GraphQLError coded(GraphQLError error, ErrorCode code, String message, String field) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", code.name());
        if (field != null) {
            extensions.put("field", field);
        }
        return new Coded(message, error.getLocations(), error.getPath(), extensions,
                code == ErrorCode.VALIDATION || code == ErrorCode.LIMIT_EXCEEDED ? ErrorType.ValidationError
                        : ErrorType.DataFetchingException);
    }

    /**
     * An error in the API's shape. graphql-java's own errors add {@code extensions.classification}
     * (its internal error type) when written; this one writes message, locations, path and the
     * extensions above, nothing else.
     */
    record Coded(String message, List<SourceLocation> locations, List<Object> path, Map<String, Object> extensions,
            ErrorType type) implements GraphQLError {

        @Override
        public String getMessage() {
            return message;
        }

        @Override
        public List<SourceLocation> getLocations() {
            return locations;
        }

        @Override
        public List<Object> getPath() {
            return path;
        }

        @Override
        public Map<String, Object> getExtensions() {
            return extensions;
        }

        @Override
        public ErrorClassification getErrorType() {
            return type;
        }

        @Override
        public Map<String, Object> toSpecification() {
            Map<String, Object> spec = new LinkedHashMap<>();
            spec.put("message", message);
            if (locations != null && !locations.isEmpty()) {
                spec.put("locations", locations.stream()
                        .map(l -> Map.of("line", l.getLine(), "column", l.getColumn())).toList());
            }
            if (path != null) {
                spec.put("path", path);
            }
            spec.put("extensions", extensions);
            return spec;
        }
    }
}
