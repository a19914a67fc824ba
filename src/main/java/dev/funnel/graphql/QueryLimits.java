package dev.funnel.graphql;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.NodeVisitorStub;
import graphql.language.NodeTraverser;
import graphql.language.OperationDefinition;
import graphql.schema.GraphQLTypeUtil;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import graphql.validation.ValidationError;
import io.quarkus.arc.Unremovable;

/**
 * Depth, cost, alias and operation limits, checked before anything runs. Each limit is a
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
        return List.of(new DocumentShape(config.maxAliases(), config.maxOperations()),
                new MaxQueryDepthInstrumentation(config.maxDepth()),
                new MaxQueryComplexityInstrumentation(config.maxComplexity(), COST));
    }

    /** A connection's children cost as many times as the page it asks for. */
    static final FieldComplexityCalculator COST = (env, childComplexity) -> {
        String type = GraphQLTypeUtil.unwrapAll(env.getFieldDefinition().getType()).getName();
        if (!type.endsWith("Connection")) {
            return 1 + childComplexity;
        }
        Object first = env.getArguments().get("first");
        int pageSize = first instanceof Number n ? Math.max(n.intValue(), 1) : 50;
        return 1 + childComplexity * pageSize;
    };

    /** Counts operations and aliases in the parsed document, before validation spends time on it. */
    private static final class DocumentShape extends SimplePerformantInstrumentation {

        private final int maxAliases;
        private final int maxOperations;

        DocumentShape(int maxAliases, int maxOperations) {
            this.maxAliases = maxAliases;
            this.maxOperations = maxOperations;
        }

        @Override
        public InstrumentationContext<List<ValidationError>> beginValidation(InstrumentationValidationParameters parameters,
                InstrumentationState state) {
            Document document = parameters.getDocument();
            long operations = document.getDefinitionsOfType(OperationDefinition.class).size();
            if (operations > maxOperations) {
                throw new AbortExecutionException(
                        "The document defines " + operations + " operations; at most " + maxOperations + " are allowed");
            }
            AtomicInteger aliases = new AtomicInteger();
            new NodeTraverser().preOrder(new NodeVisitorStub() {
                @Override
                public TraversalControl visitField(Field field, TraverserContext<graphql.language.Node> context) {
                    if (field.getAlias() != null) {
                        aliases.incrementAndGet();
                    }
                    return TraversalControl.CONTINUE;
                }
            }, document);
            if (aliases.get() > maxAliases) {
                throw new AbortExecutionException(
                        "The document uses " + aliases.get() + " aliases; at most " + maxAliases + " are allowed");
            }
            return super.beginValidation(parameters, state);
        }
    }
}
