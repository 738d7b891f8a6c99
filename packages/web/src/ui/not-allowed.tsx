import { Alert, Anchor } from '@mantine/core';
import { Link } from 'react-router';
import { PageHeader } from './page-header';

/** Shown when someone opens a page their role does not include (the server refuses it too). */
export function NotAllowed({ title }: { title: string }) {
  return (
    <>
      <PageHeader title={title} />
      <Alert color="gray" title="Not part of your role" role="status">
        This page is for other roles in your organization. If you need it for your work, ask your program
        director or an administrator.{' '}
        <Anchor component={Link} to="/">
          Go to Home
        </Anchor>
      </Alert>
    </>
  );
}
