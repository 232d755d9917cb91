package id.simpul.testinfra;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Skips integration tests asked to run on containers ({@code -Dinfra=containers}) where no Docker engine runs. */
public class InfraCondition implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if ("containers".equals(Infrastructure.requestedMode()) && !ContainerInfrastructure.dockerAvailable()) {
            return ConditionEvaluationResult.disabled("-Dinfra=containers but no Docker engine is available");
        }
        return ConditionEvaluationResult.enabled("infra=" + Infrastructure.requestedMode());
    }
}
