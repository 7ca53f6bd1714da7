import type { InputHTMLAttributes, ReactNode } from 'react';
import { ErrorMessage } from '../app/ErrorMessage';

export function AuthCard(props: {
  title: string;
  intro?: string;
  error?: string;
  children: ReactNode;
}) {
  return (
    <main className="auth-page">
      <section className="auth-card" aria-labelledby="auth-title">
        <img src="/icons/icon.svg" alt="" width={56} height={56} />
        <h1 id="auth-title">{props.title}</h1>
        {props.intro && <p className="muted">{props.intro}</p>}
        <ErrorMessage text={props.error} />
        {props.children}
      </section>
    </main>
  );
}

export function Field({
  label,
  ...input
}: { label: string } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <label className="field">
      <span>{label}</span>
      <input {...input} />
    </label>
  );
}
