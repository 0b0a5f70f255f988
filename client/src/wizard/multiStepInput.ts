import * as vscode from 'vscode';

/** How a step ended other than with a value: Back pressed, or the input closed. */
class FlowAction extends Error {
  static readonly back = new FlowAction('back');
  static readonly cancel = new FlowAction('cancel');
}

/** One question; it returns the next step, or nothing when the flow is complete. */
export type Step = (input: MultiStepInput) => Promise<Step | undefined>;

interface Common {
  /** The step number shown as "n/total" (the flow may grow or shrink as answers change). */
  totalSteps: number;
  placeholder?: string;
}

export interface PickOptions<T extends vscode.QuickPickItem> extends Common {
  items: readonly T[];
  activeItem?: T;
  matchOnDescription?: boolean;
  matchOnDetail?: boolean;
}

export interface ManyOptions<T extends vscode.QuickPickItem> extends PickOptions<T> {
  selected?: readonly T[];
}

export interface InputOptions extends Common {
  prompt: string;
  value?: string;
  /** What is wrong with the value as typed, shown under the box; undefined when it is fine. */
  validate: (value: string) => string | undefined;
  /** Runs on Enter once `validate` passes (the last step builds the role): a message keeps the box open. */
  accept?: (value: string) => Promise<string | undefined>;
}

/**
 * A quick input that walks through steps with a step counter and a Back button, in the manner of
 * the multi-step sample of vscode-extension-samples: each step awaits one QuickPick or InputBox,
 * Back re-runs the previous step, Escape ends the flow.
 */
export class MultiStepInput {
  private readonly steps: Step[] = [];
  private current: vscode.QuickInput | undefined;

  private constructor(private readonly title: string) {}

  /** Runs the steps from `start`; true when the flow reached its end, false when it was dismissed. */
  static async run(title: string, start: Step): Promise<boolean> {
    return new MultiStepInput(title).stepThrough(start);
  }

  private async stepThrough(start: Step): Promise<boolean> {
    let step: Step | undefined = start;
    try {
      while (step) {
        this.steps.push(step);
        if (this.current) {
          this.current.enabled = false;
          this.current.busy = true;
        }
        try {
          step = await step(this);
        } catch (error) {
          if (error === FlowAction.back) {
            this.steps.pop();
            step = this.steps.pop();
          } else if (error === FlowAction.cancel) {
            return false;
          } else {
            throw error;
          }
        }
      }
      return true;
    } finally {
      this.current?.dispose();
    }
  }

  showQuickPick<T extends vscode.QuickPickItem>(options: PickOptions<T>): Promise<T> {
    return this.pick(options, false).then((items) => items[0]);
  }

  showQuickPickMany<T extends vscode.QuickPickItem>(options: ManyOptions<T>): Promise<T[]> {
    return this.pick(options, true);
  }

  private pick<T extends vscode.QuickPickItem>(options: ManyOptions<T>, many: boolean): Promise<T[]> {
    const input = vscode.window.createQuickPick<T>();
    input.canSelectMany = many;
    input.items = options.items;
    if (options.activeItem) input.activeItems = [options.activeItem];
    if (options.selected) input.selectedItems = options.selected;
    input.matchOnDescription = options.matchOnDescription ?? false;
    input.matchOnDetail = options.matchOnDetail ?? false;
    input.placeholder = options.placeholder;
    return this.show(input, options, (resolve) => [
      input.onDidAccept(() => {
        const chosen = many ? [...input.selectedItems] : [...input.activeItems];
        if (!many && chosen.length === 0) return;
        resolve(chosen);
      }),
    ]);
  }

  showInputBox(options: InputOptions): Promise<string> {
    const input = vscode.window.createInputBox();
    input.prompt = options.prompt;
    input.placeholder = options.placeholder;
    input.value = options.value ?? '';
    input.ignoreFocusOut = true;
    return this.show(input, options, (resolve) => [
      input.onDidChangeValue((value) => (input.validationMessage = value === '' ? undefined : options.validate(value))),
      input.onDidAccept(async () => {
        const value = input.value.trim();
        input.validationMessage = options.validate(value);
        if (input.validationMessage !== undefined) return;
        if (options.accept) {
          input.busy = true;
          input.enabled = false;
          // A failure (the server stopped, a folder that cannot be written) is said here, and the box stays open.
          input.validationMessage = await options
            .accept(value)
            .catch((error: unknown) => (error instanceof Error ? error.message : String(error)))
            .finally(() => {
              input.busy = false;
              input.enabled = true;
            });
          if (input.validationMessage !== undefined) return;
        }
        resolve(value);
      }),
    ]);
  }

  /** Shows one input as the current step and settles with its value, Back, or cancel. */
  private show<V>(input: vscode.QuickPick<never> | vscode.QuickInput, options: Common, listen: (resolve: (value: V) => void) => vscode.Disposable[]): Promise<V> {
    input.title = this.title;
    input.step = this.steps.length;
    input.totalSteps = Math.max(options.totalSteps, this.steps.length);
    const withButtons = input as vscode.QuickPick<vscode.QuickPickItem> | vscode.InputBox;
    withButtons.buttons = this.steps.length > 1 ? [vscode.QuickInputButtons.Back] : [];
    const disposables: vscode.Disposable[] = [];
    return new Promise<V>((resolve, reject) => {
      disposables.push(
        ...listen(resolve),
        withButtons.onDidTriggerButton((button) => button === vscode.QuickInputButtons.Back && reject(FlowAction.back)),
        input.onDidHide(() => reject(FlowAction.cancel)),
      );
      this.current?.dispose();
      this.current = input;
      input.show();
    }).finally(() => {
      for (const d of disposables) d.dispose();
    });
  }
}
