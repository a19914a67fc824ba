package dev.funnel.graphql;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import graphql.ExecutionResult;
import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.schema.GraphQLTypeUtil;
import io.quarkus.arc.Unremovable;

/**
 * Depth and cost limits, checked before anything runs; the limits on the document itself (size,
 * fields, aliases, operations) are {@link GraphQLDocuments}'. Each limit is a
 * {@code funnel.graphql.*} setting ({@link LimitsConfig}); {@link ErrorMapping} answers a breach
 * with LIMIT_EXCEEDED. Looked up by {@link FunnelInstrumentation}, hence unremovable.
 */
@ApplicationScoped
@Unremovable
public class QueryLimits {

    private final LimitsConfig config;

    public QueryLimits(LimitsConfig config) {
        this.config = config;
    }

    /** The graphql-java instrumentations that enforce the limits. */
    List<Instrumentation> instrumentations() {
        // the allowance for introspection exists where __schema answers (dev mode, tests); elsewhere it is data
        int introspectionDepth = config.schemaIntrospection() ? config.introspectionMaxDepth() : config.maxDepth();
        return List.of(new Depth(depthLimit(config.maxDepth()), depthLimit(introspectionDepth)),
                new MaxQueryComplexityInstrumentation(config.maxComplexity(), COST) {
                    @Override
                    protected AbortExecutionException mkAbortException(int cost, int max) {
                        return new AbortExecutionException("The query costs " + cost + " and at most " + max
                                + " is allowed: each field costs 1, and a list multiplies what it holds by its page size"
                                + " (first or last, 50 when left out); ask for smaller pages or fewer fields");
                    }
                });
    }

    private static MaxQueryDepthInstrumentation depthLimit(int max) {
        return new MaxQueryDepthInstrumentation(max) {
            @Override
            protected AbortExecutionException mkAbortException(int depth, int limit) {
                return new AbortExecutionException(
                        "The query nests fields " + depth + " levels deep; at most " + limit + " are allowed");
            }
        };
    }

    /**
     * The depth limit for data, or the one for introspection when the operation asks only about the
     * schema. The complexity limit applies to both.
     */
    private static final class Depth extends SimplePerformantInstrumentation {

        private final MaxQueryDepthInstrumentation data;
        private final MaxQueryDepthInstrumentation introspection;

        Depth(MaxQueryDepthInstrumentation data, MaxQueryDepthInstrumentation introspection) {
            this.data = data;
            this.introspection = introspection;
        }

        @Override
        public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
                InstrumentationState state) {
            OperationDefinition operation = parameters.getExecutionContext().getOperationDefinition();
            return (introspectionOnly(operation) ? introspection : data).beginExecuteOperation(parameters, state);
        }

        private static boolean introspectionOnly(OperationDefinition operation) {
            return operation.getOperation() == OperationDefinition.Operation.QUERY
                    && operation.getSelectionSet().getSelectionsOfType(Field.class).size()
                            == operation.getSelectionSet().getSelections().size()
                    && operation.getSelectionSet().getSelectionsOfType(Field.class).stream()
                            .allMatch(f -> f.getName().startsWith("__"));
        }
    }

    /** A connection's children cost as many times as the page it asks for. */
    static final FieldComplexityCalculator COST = (env, childComplexity) -> {
        String type = GraphQLTypeUtil.unwrapAll(env.getFieldDefinition().getType()).getName();
        if (!type.endsWith("Connection")) {
            return 1 + childComplexity;
        }
        Object size = env.getArguments().get("first");
        if (!(size instanceof Number)) {
            size = env.getArguments().get("last");
        }
        int pageSize = size instanceof Number n ? Math.max(n.intValue(), 1) : 50;
        return 1 + childComplexity * pageSize;
    };
}
