package vn.khcn.workflow.shared.process;

/**
 * A process variable a step needs is not there: a model error, or (during a person's completion)
 * the instance ended in another transaction meanwhile, which {@link CompletionRetry} treats as a
 * lost race and does again.
 */
public class MissingVariableException extends IllegalStateException {

  MissingVariableException(String name) {
    super("Process variable " + name + " is missing");
  }
}
