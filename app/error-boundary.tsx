import { Component } from 'react';
import type { ErrorInfo, ReactNode } from 'react';

interface ErrorBoundaryProps {
  /** What the area is, for the message: "the training panel". */
  readonly area: string;
  readonly children: ReactNode;
}

interface ErrorBoundaryState {
  readonly error: Error | null;
}

/**
 * Keeps a crash in one panel from blanking the page: the panel shows what broke and a way back,
 * while the rest of the editor (and the project, which lives in the store) stays as it was.
 */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { error: null };

  static getDerivedStateFromError(error: unknown): ErrorBoundaryState {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // The console keeps the stack for a bug report; the page shows the message.
    console.error(`Netloom: ${this.props.area} crashed`, error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (error === null) return this.props.children;
    return (
      <div className="error-boundary" role="alert" data-testid="error-boundary">
        <p>
          <strong>Something went wrong in {this.props.area}:</strong> {error.message}
        </p>
        <p>Your project is safe: it is kept and autosaved as before.</p>
        <button type="button" className="data-button" onClick={() => this.setState({ error: null })}>
          Show {this.props.area} again
        </button>
      </div>
    );
  }
}
