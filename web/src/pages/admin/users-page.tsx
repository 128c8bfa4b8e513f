import { NotFoundPage } from '../not-found-page';

export default function Page() {
  return <NotFoundPage />;
}
