import { Component, type ReactNode } from 'react';

/** Shows a message a person understands instead of a blank page when a page throws. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { error?: Error }> {
  state: { error?: Error } = {};

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="page-error" role="alert">
        <h2>Something went wrong on this page</h2>
        <p className="muted">{this.state.error.message}</p>
        <button onClick={() => location.reload()}>Reload</button>
      </div>
    );
  }
}
