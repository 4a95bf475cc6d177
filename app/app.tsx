/** The application shell: header and main area. */
export function App() {
  return (
    <div className="app">
      <header className="app-header">
        <h1 className="app-title">Netloom</h1>
        <p className="app-tagline">Keras, but visual, in the browser</p>
      </header>
      <main className="app-main" data-testid="app-root" />
    </div>
  );
}
