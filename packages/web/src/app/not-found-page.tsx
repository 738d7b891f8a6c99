import { Alert, Anchor } from '@mantine/core';
import { Link } from 'react-router';
import { PageHeader } from '../ui/page-header';

export function NotFoundPage() {
  return (
    <>
      <PageHeader title="Page not found" />
      <Alert color="gray" role="status">
        There is no page at this address. It may have moved.{' '}
        <Anchor component={Link} to="/">
          Go to Home
        </Anchor>
      </Alert>
    </>
  );
}
