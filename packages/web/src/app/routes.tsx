import { type ComponentType, lazy, Suspense } from 'react';
import { createBrowserRouter, Navigate, Outlet, useLocation } from 'react-router';
import { PageLoader } from '../ui/page-loader';
import { NotFoundPage } from './not-found-page';
import { useSession } from './session';

/**
 * Every page is its own chunk, so the first screen (sign-in) downloads only the shell. The
 * chunk names appear in the build output and in the browser's network panel.
 */
function page<M>(load: () => Promise<M>, pick: (module: M) => ComponentType) {
  const Component = lazy(async () => ({ default: pick(await load()) }));
  return (
    <Suspense fallback={<PageLoader />}>
      <Component />
    </Suspense>
  );
}

const AppLayout = lazy(async () => ({ default: (await import('./app-layout')).AppLayout }));

/** Pages behind sign-in. A session that ended sends the person to sign in and back here after. */
function RequireSignedIn() {
  const { loading, session, signedOut } = useSession();
  const location = useLocation();
  if (loading) return <PageLoader label="Opening Trellis…" />;
  if (session?.status !== 'signed_in') {
    // After "Sign out" the next person starts from Home; after a timeout, or when following a
    // link, they come back to this page once signed in.
    const here = `${location.pathname}${location.search}`;
    const target = signedOut || here === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(here)}`;
    return <Navigate to={target} replace />;
  }
  return (
    <Suspense fallback={<PageLoader />}>
      <AppLayout>
        <Outlet />
      </AppLayout>
    </Suspense>
  );
}

export const router = createBrowserRouter([
  {
    path: '/sign-in',
    element: page(
      () => import('../features/auth/sign-in-page'),
      (m) => m.SignInPage,
    ),
  },
  {
    // A staff member sets a new password from an administrator's one-time link.
    path: '/set-password/:token',
    element: page(
      () => import('../features/auth/set-password-page'),
      (m) => m.SetPasswordPage,
    ),
  },
  {
    path: '/get-started',
    element: page(
      () => import('../features/get-started/get-started-page'),
      (m) => m.GetStartedPage,
    ),
  },
  {
    // The patient's questionnaire from a one-time link: no account, made for a phone.
    path: '/self-report/:token',
    element: page(
      () => import('../features/self-report/self-report-page'),
      (m) => m.SelfReportPage,
    ),
  },
  {
    // The participant signs their treatment plan from a one-time link: no account, made for a phone.
    path: '/sign/plan/:token',
    element: page(
      () => import('../features/plans/plan-sign-page'),
      (m) => m.PlanSignPage,
    ),
  },
  {
    element: <RequireSignedIn />,
    children: [
      {
        index: true,
        element: page(
          () => import('../features/home/home-page'),
          (m) => m.HomePage,
        ),
      },
      {
        path: 'account',
        element: page(
          () => import('../features/auth/my-account-page'),
          (m) => m.MyAccountPage,
        ),
      },
      {
        path: 'users',
        element: page(
          () => import('../features/users/users-page'),
          (m) => m.UsersPage,
        ),
      },
      {
        path: 'users/new',
        element: page(
          () => import('../features/users/create-user-page'),
          (m) => m.CreateUserPage,
        ),
      },
      {
        path: 'users/:id',
        element: page(
          () => import('../features/users/edit-user-page'),
          (m) => m.EditUserPage,
        ),
      },
      {
        path: 'organization',
        element: page(
          () => import('../features/organization/organization-page'),
          (m) => m.OrganizationPage,
        ),
      },
      {
        path: 'organization/locations/:id',
        element: page(
          () => import('../features/organization/location-page'),
          (m) => m.LocationPage,
        ),
      },
      {
        path: 'audit',
        element: page(
          () => import('../features/audit/audit-page'),
          (m) => m.AuditPage,
        ),
      },
      {
        path: 'intake',
        element: page(
          () => import('../features/intake/intake-board-page'),
          (m) => m.IntakeBoardPage,
        ),
      },
      {
        path: 'intake/new',
        element: page(
          () => import('../features/intake/new-inquiry-page'),
          (m) => m.NewInquiryPage,
        ),
      },
      {
        path: 'intake/:id',
        element: page(
          () => import('../features/intake/inquiry-page'),
          (m) => m.InquiryPage,
        ),
      },
      {
        path: 'patients',
        element: page(
          () => import('../features/patients/patients-page'),
          (m) => m.PatientsPage,
        ),
      },
      {
        path: 'patients/new',
        element: page(
          () => import('../features/patients/new-patient-page'),
          (m) => m.NewPatientPage,
        ),
      },
      {
        path: 'patients/:id',
        element: page(
          () => import('../features/patients/patient-chart-page'),
          (m) => m.PatientChartPage,
        ),
      },
      {
        path: 'patients/:id/:tab',
        element: page(
          () => import('../features/patients/patient-chart-page'),
          (m) => m.PatientChartPage,
        ),
      },
      {
        path: 'patients/:id/measures/new',
        element: page(
          () => import('../features/measures/give-measure-page'),
          (m) => m.GiveMeasurePage,
        ),
      },
      {
        path: 'patients/:id/plan/print',
        element: page(
          () => import('../features/plans/plan-print-page'),
          (m) => m.PlanPrintPage,
        ),
      },
      {
        path: 'treatment-plans',
        element: page(
          () => import('../features/plans/plan-program-page'),
          (m) => m.PlanProgramPage,
        ),
      },
      {
        path: 'schedule',
        element: page(
          () => import('../features/schedule/schedule-page'),
          (m) => m.SchedulePage,
        ),
      },
      {
        path: 'schedule/closures',
        element: page(
          () => import('../features/schedule/closures-page'),
          (m) => m.ClosuresPage,
        ),
      },
      {
        path: 'schedule/series/new',
        element: page(
          () => import('../features/schedule/new-series-page'),
          (m) => m.NewSeriesPage,
        ),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
