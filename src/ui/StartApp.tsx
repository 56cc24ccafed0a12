import { lazy, Suspense } from 'react';
import type { SavePlaces } from '../state/persistence';
import type { StartPlan } from '../state/startModes';
import { App } from './App';
import { EmbedApp } from './EmbedApp';
import { LinkBanner, StartNotice } from './StartBanner';
import './share.css';

// Only `?present` needs the presentation's pages: the workspace and embeds start without them.
const PresentPage = lazy(() => import('./present/PresentPage').then((m) => ({ default: m.PresentPage })));

/** The app a start plan asks for: the workspace, a shared link above its banner, an embed or a presentation. */
export function StartApp({ plan, places = {} }: { plan: StartPlan; places?: SavePlaces }) {
  switch (plan.kind) {
    case 'embed':
      return <EmbedApp {...(plan.error ? { error: plan.error } : {})} />;
    case 'present':
      return (
        <Suspense fallback={null}>
          <PresentPage workspaceUrl={plan.workspaceUrl} />
        </Suspense>
      );
    case 'link':
      return (
        <div className="shell">
          <LinkBanner places={places} {...(plan.notice ? { notice: plan.notice } : {})} />
          <App />
        </div>
      );
    default:
      return plan.notice ? (
        <div className="shell">
          <StartNotice message={plan.notice} />
          <App />
        </div>
      ) : (
        <App />
      );
  }
}
