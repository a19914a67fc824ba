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
import graphql.GraphqlErrorBuilder;
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
                .filter(e -> result.getErrors().size() == 1 || e.getErrorType() != ErrorType.NullValueInNonNullableField)
                .map(e -> map(e, variables)).toList();
        return CompletableFuture.completedFuture(result.transform(b -> b.errors(errors)));
    }

    static GraphQLError map(GraphQLError error, Map<String, Object> variables) {
        if (error instanceof ExceptionWhileDataFetching fetching) {
            return fromException(error, fetching.getException());
        }
        if (error instanceof AbortExecutionException) {
            return coded(error, ErrorCode.LIMIT_EXCEEDED, error.getMessage(), null);
        }
        String message = error.getMessage() == null ? "Invalid request" : error.getMessage();
        String field = fieldOf(message, variables);
        if (message.contains("Unknown Scalar Type")) {
            // SmallRye could not turn a value into its Java type (a date, a decimal...); its message names a class
            message = "'" + field + "' holds a value of the wrong format: times are ISO-8601 (2026-01-31T09:00:00Z),"
                    + " amounts are decimal numbers";
        }
        return coded(error, ErrorCode.VALIDATION, message, field);
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
        if (wanted.equals(value)) {
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
        GraphqlErrorBuilder<?> b = GraphqlErrorBuilder.newError().message("%s", message).extensions(extensions)
                .errorType(code == ErrorCode.VALIDATION || code == ErrorCode.LIMIT_EXCEEDED ? ErrorType.ValidationError
                        : ErrorType.DataFetchingException);
        if (error.getLocations() != null) {
            b.locations(error.getLocations());
        }
        if (error.getPath() != null) {
            b.path(error.getPath());
        }
        return b.build();
    }
}
