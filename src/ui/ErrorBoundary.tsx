import { Component, type ReactNode } from 'react';

type Props = { children: ReactNode; what: string };
type State = { error?: Error };

/** Keeps a crash in one part (the canvas) from taking the rest of the page — and the text — with it. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = {};

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="crash" role="alert">
        <strong>The {this.props.what} stopped working.</strong>
        <span>Your text is safe. {this.state.error.message}</span>
        <button className="button" onClick={() => this.setState({ error: undefined })}>
          Try again
        </button>
      </div>
    );
  }
}
